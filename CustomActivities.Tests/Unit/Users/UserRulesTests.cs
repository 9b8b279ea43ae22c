using CustomActivities.Core.Users;

namespace CustomActivities.Tests.Unit.Users;

public sealed class UserRulesTests
{
    private static readonly UserFacts OtherAdmin = new("other", Roles.Admin, UserStatus.Active);
    private static readonly UserFacts Marketer = new("mark", Roles.Marketer, UserStatus.Active);

    [Theory]
    [InlineData(UserAction.ChangeRole)]
    [InlineData(UserAction.Lock)]
    [InlineData(UserAction.Deactivate)]
    [InlineData(UserAction.Delete)]
    public void Nothing_takes_away_the_last_active_admin(UserAction action)
    {
        Assert.Equal(UserErrors.LastAdmin, UserRules.Refusal(action, "me", OtherAdmin, activeAdmins: 1));
        Assert.Null(UserRules.Refusal(action, "me", OtherAdmin, activeAdmins: 2));
    }

    [Fact]
    public void The_last_admin_may_still_get_a_new_password()
    {
        Assert.Null(UserRules.Refusal(UserAction.ResetPassword, "me", OtherAdmin, activeAdmins: 1));
    }

    [Fact]
    public void A_locked_or_deactivated_admin_does_not_count_as_the_last_one()
    {
        var lockedAdmin = OtherAdmin with { Status = UserStatus.Locked };

        Assert.Null(UserRules.Refusal(UserAction.Delete, "me", lockedAdmin, activeAdmins: 1));
    }

    [Theory]
    [InlineData(UserAction.ChangeRole, UserErrors.OwnRole)]
    [InlineData(UserAction.Lock, UserErrors.OwnLock)]
    [InlineData(UserAction.ResetPassword, UserErrors.OwnPassword)]
    [InlineData(UserAction.Deactivate, UserErrors.OwnDeactivate)]
    [InlineData(UserAction.Delete, UserErrors.OwnDelete)]
    public void No_admin_acts_against_their_own_account(UserAction action, string reason)
    {
        var me = OtherAdmin with { Id = "me" };

        Assert.Equal(reason, UserRules.Refusal(action, "me", me, activeAdmins: 2));
    }

    [Fact]
    public void The_last_admin_on_their_own_row_is_told_they_are_the_last_admin()
    {
        var me = OtherAdmin with { Id = "me" };

        Assert.Equal(UserErrors.LastAdmin, UserRules.Refusal(UserAction.Deactivate, "me", me, activeAdmins: 1));
    }

    [Fact]
    public void A_deactivated_account_is_reactivated_not_locked()
    {
        var gone = Marketer with { Status = UserStatus.Deactivated };

        Assert.Equal(UserErrors.Deactivated, UserRules.Refusal(UserAction.Lock, "me", gone, activeAdmins: 1));
        Assert.Null(UserRules.Refusal(UserAction.Delete, "me", gone, activeAdmins: 1));
    }

    [Fact]
    public void Every_action_is_allowed_on_another_active_marketer()
    {
        Assert.Empty(UserRules.Refusals("me", Marketer, activeAdmins: 1));
    }
}
