using System.Linq.Expressions;

namespace CustomActivities.Core.Persistence;

/// <summary>Applies a dialect's expression over one column (<see cref="SqlDialect"/>) to a column of an entity.</summary>
internal static class ColumnExpressions
{
    public static Expression<Func<TEntity, TResult>> Over<TEntity, TColumn, TResult>(
        Expression<Func<TEntity, TColumn>> column, Expression<Func<TColumn, TResult>> over) =>
        Expression.Lambda<Func<TEntity, TResult>>(
            new Substitution(over.Parameters[0], column.Body).Visit(over.Body), column.Parameters);

    public static Expression<Func<TEntity, bool>> And<TEntity>(Expression<Func<TEntity, bool>> left, Expression<Func<TEntity, bool>> right) =>
        Combine(left, right, Expression.AndAlso);

    public static Expression<Func<TEntity, bool>> Or<TEntity>(params Expression<Func<TEntity, bool>>[] parts) =>
        parts.Aggregate((left, right) => Combine(left, right, Expression.OrElse));

    private static Expression<Func<TEntity, bool>> Combine<TEntity>(Expression<Func<TEntity, bool>> left, Expression<Func<TEntity, bool>> right,
        Func<Expression, Expression, BinaryExpression> combine) =>
        Expression.Lambda<Func<TEntity, bool>>(
            combine(left.Body, new Substitution(right.Parameters[0], left.Parameters[0]).Visit(right.Body)), left.Parameters);

    private sealed class Substitution(ParameterExpression parameter, Expression replacement) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? replacement : node;
    }
}
