using CustomActivities.Core.Activities;

namespace CustomActivities.Tests.Unit.Activities;

public sealed class FieldFormatterTests
{
    [Theory]
    [InlineData("true", true)]
    [InlineData("False", false)]
    [InlineData("1", true)]
    [InlineData("0", false)]
    [InlineData("yes", null)]
    [InlineData(null, null)]
    public void Booleans_are_read_as_stored_or_as_marketo_clients_send_them(string? stored, bool? expected) =>
        Assert.Equal(expected, FieldFormatter.AsBoolean(stored));
}
