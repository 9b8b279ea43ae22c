using System.Data.Common;

namespace CustomActivities.Core.Persistence;

internal static class DbCommandParameters
{
    /// <summary>A named parameter (<c>@name</c> is understood by both providers) with its value; null is sent as NULL.</summary>
    public static DbParameter AddParameter(this DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return parameter;
    }
}
