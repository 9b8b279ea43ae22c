using System.Data.Common;

namespace CustomActivities.Core.Activities;

internal static class ActivityCommandParameters
{
    /// <summary>A named parameter (<c>@name</c> is understood by both providers) with its value.</summary>
    public static DbParameter AddParameter(this DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
        return parameter;
    }
}
