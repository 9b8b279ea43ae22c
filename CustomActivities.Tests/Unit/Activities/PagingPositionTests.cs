using CustomActivities.Core.Activities;

namespace CustomActivities.Tests.Unit.Activities;

public sealed class PagingPositionTests
{
    [Fact]
    public void A_position_survives_the_round_trip_through_its_token()
    {
        var position = new PagingPosition(new DateTimeOffset(2026, 11, 22, 5, 0, 0, TimeSpan.Zero).UtcTicks, 123_456_789);

        Assert.True(PagingPosition.TryParse(position.ToToken(), out var parsed));
        Assert.Equal(position, parsed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a token")]
    [InlineData("AQAA")]
    [InlineData("AgAAAAAAAAAAAAAAAAAAAAA")]
    public void Garbage_is_not_a_token(string token) => Assert.False(PagingPosition.TryParse(token, out _));
}
