using Bunit;
using CustomActivities.Core.Users;
using CustomActivities.Tests.Builders;
using CustomActivities.Tests.Support;
using CustomActivities.Web.Components.Pages.Users;

namespace CustomActivities.Tests.Components.Users;

public sealed class CreateUserFormTests : CoreComponentContext
{
    protected override IEnumerable<Type> CoreServices => [typeof(UserAdministration)];

    private Task<IReadOnlyList<UserSummary>> UsersAsync() => Core.Get<UserAdministration>().ListAsync(Core.Actor.Current, Ct);

    [Fact]
    public void While_prerendering_no_field_or_button_accepts_input()
    {
        RenderStatically();

        Render<CreateUserForm>().AssertNothingAcceptsInput("create-user");
    }

    [Fact]
    public async Task Submitting_empty_fields_shows_a_message_under_each_required_one()
    {
        var form = Render<CreateUserForm>();

        await form.Fill().SubmitAsync("create-user");

        form.WaitForAssertion(() =>
        {
            Assert.Contains("Enter an email.", form.TextAround("create-user-email"));
            Assert.Contains("Enter an initial password.", form.Markup);
        });
        Assert.Single(await UsersAsync());
    }

    [Fact]
    public async Task A_malformed_email_is_refused_next_to_the_field()
    {
        var form = Render<CreateUserForm>();

        await form.Fill().With("create-user-email", "not-an-email").SubmitAsync("create-user");

        form.WaitForAssertion(() => Assert.Contains("Enter a valid email address.", form.Markup));
    }

    [Fact]
    public async Task A_weak_password_gets_identitys_message_next_to_the_password()
    {
        var form = Render<CreateUserForm>();

        await form.Fill().With("create-user-email", "mark@example.com").With("create-user-password", "short").SubmitAsync("create-user");

        form.WaitForAssertion(() => Assert.Contains("at least 10", form.TextAround("create-user-password")));
    }

    [Fact]
    public async Task Creates_the_user_with_their_display_name_and_says_so()
    {
        var created = false;
        var form = Render<CreateUserForm>(p => p.Add(f => f.Created, () => created = true));

        await form.Fill()
            .With("create-user-email", " mark@example.com ")
            .With("create-user-display-name", "Mark Doe")
            .With("create-user-password", "Long-enough-password-1")
            .SubmitAsync("create-user");

        form.WaitForAssertion(() => Assert.True(created));
        var mark = (await UsersAsync()).Single(u => u.Email == "mark@example.com");
        Assert.Equal("Mark Doe", mark.DisplayName);
        Assert.Equal(Roles.Marketer, mark.Role);
        Assert.Equal("", form.Find("input[data-testid=create-user-email]").GetAttribute("value") ?? "");
    }
}
