using Bunit;
using CustomActivities.Core.Users;
using CustomActivities.Tests.Support;
using CustomActivities.Web.Components.Pages.Users;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;

namespace CustomActivities.Tests.Components.Users;

public sealed class CreateUserFormTests : AppComponentContext, IAsyncLifetime
{
    private CoreTestHost core = null!;

    protected override void AddServices(IServiceCollection services) => services
        .AddSingleton(_ => core.Get<UserAdministration>())
        .AddSingleton<CustomActivities.Core.Auditing.ICurrentActor>(_ => core.Actor);

    public async ValueTask InitializeAsync() => core = await new CoreTestHostBuilder().BuildAsync();

    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        await DisposeAsync();
        await core.DisposeAsync();
    }

    private static Task TypeAsync(IRenderedComponent<CreateUserForm> form, string testId, string value) =>
        form.Find($"input[data-testid={testId}]").ChangeAsync(new ChangeEventArgs { Value = value });

    [Fact]
    public void While_prerendering_no_field_or_button_accepts_input()
    {
        RenderStatically();

        var form = Render<CreateUserForm>();

        Assert.All(form.FindAll("input"), input => Assert.True(input.HasAttribute("disabled"), input.OuterHtml));
        Assert.True(form.Find("[data-testid=create-user]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Submitting_empty_fields_shows_a_message_under_each_required_one()
    {
        var form = Render<CreateUserForm>();

        await form.Find("[data-testid=create-user]").ClickAsync(new MouseEventArgs());

        form.WaitForAssertion(() =>
        {
            Assert.Contains("Enter an email.", form.Find("[data-testid=create-user-email]").Closest(".mud-input-control")!.TextContent);
            Assert.Contains("Enter an initial password.", form.Markup);
        });
        Assert.Single(await core.Get<UserAdministration>().ListAsync(core.Actor.Current, Xunit.TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_malformed_email_is_refused_next_to_the_field()
    {
        var form = Render<CreateUserForm>();

        await TypeAsync(form, "create-user-email", "not-an-email");
        await form.Find("[data-testid=create-user]").ClickAsync(new MouseEventArgs());

        form.WaitForAssertion(() => Assert.Contains("Enter a valid email address.", form.Markup));
    }

    [Fact]
    public async Task A_weak_password_gets_identitys_message_next_to_the_password()
    {
        var form = Render<CreateUserForm>();

        await TypeAsync(form, "create-user-email", "mark@example.com");
        await TypeAsync(form, "create-user-password", "short");
        await form.Find("[data-testid=create-user]").ClickAsync(new MouseEventArgs());

        form.WaitForAssertion(() => Assert.Contains("at least 10", form.Find("[data-testid=create-user-password]").Closest(".mud-input-control")!.TextContent));
    }

    [Fact]
    public async Task Creates_the_user_with_their_display_name_and_says_so()
    {
        var created = false;
        var form = Render<CreateUserForm>(p => p.Add(f => f.Created, () => created = true));

        await TypeAsync(form, "create-user-email", " mark@example.com ");
        await TypeAsync(form, "create-user-display-name", "Mark Doe");
        await TypeAsync(form, "create-user-password", "Long-enough-password-1");
        await form.Find("[data-testid=create-user]").ClickAsync(new MouseEventArgs());

        form.WaitForAssertion(() => Assert.True(created));
        var mark = (await core.Get<UserAdministration>().ListAsync(core.Actor.Current, Xunit.TestContext.Current.CancellationToken)).Single(u => u.Email == "mark@example.com");
        Assert.Equal("Mark Doe", mark.DisplayName);
        Assert.Equal(Roles.Marketer, mark.Role);
        Assert.Equal("", form.Find("input[data-testid=create-user-email]").GetAttribute("value") ?? "");
    }
}
