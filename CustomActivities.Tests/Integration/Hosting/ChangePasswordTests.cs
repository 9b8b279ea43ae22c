using System.Net;
using CustomActivities.Core.Users;
using CustomActivities.Tests.Support;

namespace CustomActivities.Tests.Integration.Hosting;

public sealed class ChangePasswordTests(AppFactoryFixture fixture) : IClassFixture<AppFactoryFixture>
{
    [Fact]
    public async Task A_user_changes_their_password_and_signs_in_with_the_new_one()
    {
        var email = $"changer-{Guid.NewGuid():N}@test.local";
        await fixture.Factory.CreateUserAsync(email, Roles.Marketer);
        using var client = await fixture.Factory.SignedInClientAsync(email, AppFactory.DefaultPassword);

        var mismatch = await PostAsync(client, AppFactory.DefaultPassword, "New-Password-98765", "Different-98765");
        Assert.Contains("The new password and its confirmation differ.", mismatch, StringComparison.Ordinal);

        var wrongCurrent = await PostAsync(client, "not-my-password", "New-Password-98765", "New-Password-98765");
        Assert.Contains("The current password is not correct.", wrongCurrent, StringComparison.Ordinal);

        var response = await PostRawAsync(client, AppFactory.DefaultPassword, "New-Password-98765", "New-Password-98765");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var confirmation = await client.GetStringAsync(response.Headers.Location, TestContext.Current.CancellationToken);
        Assert.Contains("Your password has been changed.", confirmation, StringComparison.Ordinal);

        using var fresh = fixture.Factory.CreateNoRedirectClient();
        var oldPassword = await AppFactory.PostLoginAsync(fresh, email, AppFactory.DefaultPassword);
        Assert.Equal(HttpStatusCode.OK, oldPassword.StatusCode);
        var newPassword = await AppFactory.PostLoginAsync(fresh, email, "New-Password-98765");
        Assert.Equal(HttpStatusCode.Redirect, newPassword.StatusCode);
    }

    private static async Task<string> PostAsync(HttpClient client, string current, string next, string confirm)
    {
        var response = await PostRawAsync(client, current, next, confirm);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
    }

    private static Task<HttpResponseMessage> PostRawAsync(HttpClient client, string current, string next, string confirm) =>
        AppFactory.PostFormAsync(client, "/Account/Manage/ChangePassword", "change-password", new()
        {
            ["Input.OldPassword"] = current,
            ["Input.NewPassword"] = next,
            ["Input.ConfirmPassword"] = confirm,
        });
}
