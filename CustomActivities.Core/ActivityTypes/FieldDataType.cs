namespace CustomActivities.Core.ActivityTypes;

/// <summary>The data types a custom activity field can have (Marketo's names, lower-case on the wire).</summary>
public enum FieldDataType
{
    String,
    Text,
    Integer,
    Float,
    Boolean,
    Email,
    Phone,
    Link,
    Currency,
    Date,
    DateTime,
}
