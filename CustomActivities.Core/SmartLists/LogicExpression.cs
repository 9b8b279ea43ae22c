using CustomActivities.Core.Results;

namespace CustomActivities.Core.SmartLists;

/// <summary>The parsed logic of a smart list: filter references combined with and, or, not.</summary>
public abstract record LogicNode
{
    public sealed record Filter(int Number) : LogicNode;
    public sealed record And(LogicNode Left, LogicNode Right) : LogicNode;
    public sealed record Or(LogicNode Left, LogicNode Right) : LogicNode;
    public sealed record Not(LogicNode Operand) : LogicNode;

    public static LogicNode AllOf(int count) => Combine(count, (l, r) => new And(l, r));
    public static LogicNode AnyOf(int count) => Combine(count, (l, r) => new Or(l, r));

    public IEnumerable<int> FilterNumbers() => this switch
    {
        Filter f => [f.Number],
        And a => a.Left.FilterNumbers().Concat(a.Right.FilterNumbers()),
        Or o => o.Left.FilterNumbers().Concat(o.Right.FilterNumbers()),
        Not n => n.Operand.FilterNumbers(),
        _ => [],
    };

    public bool Evaluate(Func<int, bool> filter) => this switch
    {
        Filter f => filter(f.Number),
        And a => a.Left.Evaluate(filter) && a.Right.Evaluate(filter),
        Or o => o.Left.Evaluate(filter) || o.Right.Evaluate(filter),
        Not n => !n.Operand.Evaluate(filter),
        _ => false,
    };

    private static LogicNode Combine(int count, Func<LogicNode, LogicNode, LogicNode> join) =>
        Enumerable.Range(2, Math.Max(0, count - 1)).Aggregate((LogicNode)new Filter(1), (acc, n) => join(acc, new Filter(n)));
}

/// <summary>
/// Parses advanced logic such as <c>1 and (2 or not 3)</c>. Words are case-insensitive; "not" binds tightest, then "and",
/// then "or". Mixing "and" and "or" at one level without parentheses is refused, as Marketo does, so the reader never
/// has to know the precedence.
/// </summary>
public static class LogicExpression
{
    public sealed record ParseResult(LogicNode? Root, Problem? Problem);

    private enum TokenKind { Number, And, Or, Not, Open, Close, End, Unknown }

    private readonly record struct Token(TokenKind Kind, int Position, string Text, int Number = 0);

    public static ParseResult Parse(string? expression, int filterCount)
    {
        var text = expression ?? "";
        if (string.IsNullOrWhiteSpace(text))
        {
            return Fail(SmartListProblems.ExpressionEmpty, "Write the logic, e.g. 1 and (2 or 3).", 0);
        }
        var tokens = Tokenize(text);
        var index = 0;
        Problem? problem = null;

        Token Peek() => tokens[index];

        LogicNode? ParseSequence()
        {
            var left = ParseUnary();
            if (left is null)
            {
                return null;
            }
            TokenKind? joiner = null;
            while (Peek().Kind is TokenKind.And or TokenKind.Or)
            {
                var op = tokens[index++];
                if (joiner is { } existing && existing != op.Kind)
                {
                    problem = SmartListProblems.OfExpression(SmartListProblems.ExpressionMixedOperators,
                        $"Use parentheses to mix 'and' with 'or' (at position {op.Position + 1}).", op.Position);
                    return null;
                }
                joiner = op.Kind;
                var right = ParseUnary();
                if (right is null)
                {
                    return null;
                }
                left = op.Kind == TokenKind.And ? new LogicNode.And(left, right) : new LogicNode.Or(left, right);
            }
            return left;
        }

        LogicNode? ParseUnary()
        {
            var token = tokens[index];
            switch (token.Kind)
            {
                case TokenKind.Not:
                    index++;
                    return ParseUnary() is { } operand ? new LogicNode.Not(operand) : null;
                case TokenKind.Number:
                    index++;
                    if (token.Number < 1 || token.Number > filterCount)
                    {
                        problem = SmartListProblems.OfExpression(SmartListProblems.ExpressionUnknownFilter,
                            filterCount == 0 ? $"There is no filter {token.Text}: add filters first."
                                : $"There is no filter {token.Text}: use numbers from 1 to {filterCount}.", token.Position, token.Text);
                        return null;
                    }
                    return new LogicNode.Filter(token.Number);
                case TokenKind.Open:
                    index++;
                    var inner = ParseSequence();
                    if (inner is null)
                    {
                        return null;
                    }
                    if (Peek().Kind != TokenKind.Close)
                    {
                        problem = Peek().Kind == TokenKind.End
                            ? SmartListProblems.OfExpression(SmartListProblems.ExpressionUnclosed,
                                $"The parenthesis opened at position {token.Position + 1} is not closed.", token.Position)
                            : Unexpected(Peek());
                        return null;
                    }
                    index++;
                    return inner;
                case TokenKind.End:
                    problem = SmartListProblems.OfExpression(SmartListProblems.ExpressionUnexpectedEnd,
                        "The expression ends too early: a filter number is missing.", token.Position);
                    return null;
                default:
                    problem = Unexpected(token);
                    return null;
            }
        }

        var root = ParseSequence();
        if (root is not null && Peek().Kind != TokenKind.End)
        {
            return new ParseResult(null, Unexpected(Peek()));
        }
        return new ParseResult(problem is null ? root : null, problem);
    }

    private static Problem Unexpected(Token token) => SmartListProblems.OfExpression(SmartListProblems.ExpressionUnexpected,
        $"Unexpected '{token.Text}' at position {token.Position + 1}.", token.Position, token.Text);

    private static ParseResult Fail(string code, string message, int position) => new(null, SmartListProblems.OfExpression(code, message, position));

    private static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '(' || c == ')')
            {
                tokens.Add(new Token(c == '(' ? TokenKind.Open : TokenKind.Close, i, c.ToString()));
                i++;
            }
            else if (char.IsAsciiDigit(c))
            {
                var start = i;
                while (i < text.Length && char.IsAsciiDigit(text[i]))
                {
                    i++;
                }
                var digits = text[start..i];
                var number = digits.Length > 6 ? int.MaxValue : int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture);
                tokens.Add(new Token(TokenKind.Number, start, digits, number));
            }
            else if (char.IsLetter(c))
            {
                var start = i;
                while (i < text.Length && char.IsLetter(text[i]))
                {
                    i++;
                }
                var word = text[start..i];
                var kind = word.ToLowerInvariant() switch
                {
                    "and" => TokenKind.And,
                    "or" => TokenKind.Or,
                    "not" => TokenKind.Not,
                    _ => TokenKind.Unknown,
                };
                tokens.Add(new Token(kind, start, word));
            }
            else
            {
                tokens.Add(new Token(TokenKind.Unknown, i, c.ToString()));
                i++;
            }
        }
        tokens.Add(new Token(TokenKind.End, text.Length, ""));
        return tokens;
    }
}
