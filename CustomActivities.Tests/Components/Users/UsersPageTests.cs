using Bunit;
using CustomActivities.Core.Auditing;
using CustomActivities.Core.Persistence;
using CustomActivities.Core.Users;
using CustomActivities.Tests.Support;
using CustomActivities.Web.Components.Pages.Users;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;

namespace CustomActivities.Tests.Components.Users;

/// <summary>The users page (its grid and row actions) on a real database: what each row lets the signed-in admin do, and why a control is greyed out.</summary>
public sealed class UsersPageTests : CoreComponentContext
{
    private UserAdministration users = null!;
    private Actor me = null!;

    protected override IEnumerable<Type> CoreServices => [typeof(UserAdministration)];

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        users = Core.Get<UserAdministration>();
        // Signed in as the seeded admin, the only admin: their own row is both "own account" and "last admin".
        var seeded = (await users.ListAsync(Actor.System, Xunit.TestContext.Current.CancellationToken)).Single();
        me = new Actor(ActorKind.User, seeded.Id, seeded.Email, IsAdmin: true);
        Core.Actor.Current = me;
        SignInAs(seeded.Email, Roles.Admin);
        await users.CreateAsync(me, "mark@example.com", "Mark Doe", "Long-enough-password-1", Roles.Marketer);
    }

    private IRenderedComponent<WithOverlays> RenderPage() =>
        RenderWithOverlays(b =>
        {
            b.OpenComponent<UsersPage>(0);
            b.CloseComponent();
        });

    private static string Email => DatabaseInitializer.DefaultAdminEmail;

    [Fact]
    public void Lists_each_user_with_display_name_email_role_and_status()
    {
        var page = RenderPage();

        page.WaitForAssertion(() => Assert.Contains("Mark Doe", page.Find("[data-testid='user-mark@example.com']").TextContent));
        Assert.Contains("mark@example.com", page.Find("[data-testid='user-mark@example.com']").TextContent);
        Assert.Equal("Active", page.Find("[data-testid='status-mark@example.com']").TextContent.Trim());
    }

    [Fact]
    public void On_the_last_admins_own_row_the_actions_are_greyed_out_and_say_why()
    {
        var page = RenderPage();

        page.WaitForAssertion(() => page.Find($"[data-testid='delete-{Email}']"));
        foreach (var action in new[] { "lock", "deactivate", "delete" })
        {
            var button = page.Find($"[data-testid='{action}-{Email}']");
            Assert.True(button.HasAttribute("disabled"), action);
            Assert.Equal("This is the last active admin: make another user admin first.", button.GetAttribute("aria-description"));
        }
        var reset = page.Find($"[data-testid='reset-{Email}']");
        Assert.True(reset.HasAttribute("disabled"));
        Assert.Equal("Change your own password from the account menu.", reset.GetAttribute("aria-description"));
        var role = page.Find($"[data-testid='role-{Email}']");
        Assert.Contains("mud-disabled", (role.Closest(".mud-input-control") ?? role).OuterHtml);
        Assert.Contains("This is the last active admin", page.Find($"[data-testid='role-{Email}']").OuterHtml);
    }

    [Fact]
    public async Task With_a_second_admin_the_own_row_says_it_is_ones_own_account()
    {
        await users.CreateAsync(me, "ada@example.com", null, "Long-enough-password-1", Roles.Admin);

        var page = RenderPage();

        page.WaitForAssertion(() => page.Find($"[data-testid='delete-{Email}']"));
        Assert.Equal("You cannot delete your own account.", page.Find($"[data-testid='delete-{Email}']").GetAttribute("aria-description"));
        Assert.False(page.Find("[data-testid='delete-ada@example.com']").HasAttribute("disabled"));
    }

    [Fact]
    public async Task The_tooltip_of_a_greyed_out_control_shows_the_reason()
    {
        var page = RenderPage();
        page.WaitForAssertion(() => page.Find($"[data-testid='delete-{Email}']"));

        await page.Find($"[data-testid='delete-{Email}']").Closest(".mud-tooltip-root")!.PointerEnterAsync(new PointerEventArgs());

        page.WaitForAssertion(() => Assert.Contains("This is the last active admin", page.Find(".mud-popover-open").TextContent), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Actions_on_another_user_are_allowed_and_locking_asks_first()
    {
        var page = RenderPage();
        page.WaitForAssertion(() => page.Find("[data-testid='lock-mark@example.com']"));
        Assert.All(new[] { "lock", "reset", "deactivate", "delete" },
            action => Assert.False(page.Find($"[data-testid='{action}-mark@example.com']").HasAttribute("disabled"), action));

        // The click's handler waits for the confirmation: it completes once the dialog is answered.
        var locking = page.Find("[data-testid='lock-mark@example.com']").ClickAsync(new MouseEventArgs());
        page.WaitForAssertion(() => Assert.Contains("They are signed out at once", page.Find("[data-testid=confirm-dialog]").TextContent));
        await page.Find("[data-testid=confirm-ok]").ClickAsync(new MouseEventArgs());
        await locking;

        page.WaitForAssertion(() => Assert.Equal("Locked", page.Find("[data-testid='status-mark@example.com']").TextContent.Trim()));
        Assert.Contains("mark@example.com is locked and signed out.", page.Markup);
    }

    [Fact]
    public async Task A_password_reset_shows_the_new_password_once_in_a_dialog_that_escape_does_not_close()
    {
        var page = RenderPage();
        page.WaitForAssertion(() => page.Find("[data-testid='reset-mark@example.com']"));

        var resetting = page.Find("[data-testid='reset-mark@example.com']").ClickAsync(new MouseEventArgs());
        page.WaitForAssertion(() => page.Find("[data-testid=confirm-ok]"));
        await page.Find("[data-testid=confirm-ok]").ClickAsync(new MouseEventArgs());

        page.WaitForAssertion(() => Assert.NotEmpty(page.Find("input[data-testid=new-password]").GetAttribute("value") ?? ""));
        MudBlazor.IMudDialogInstance dialog = page.FindComponent<MudBlazor.MudDialogContainer>().Instance;
        Assert.False(dialog.Options.CloseOnEscapeKey);
        Assert.False(dialog.Options.BackdropClick);
        await page.Find("[data-testid=password-passed-on]").ClickAsync(new MouseEventArgs());
        await resetting;
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=new-password]")));
    }

    [Fact]
    public void While_prerendering_no_row_action_can_be_used()
    {
        RenderStatically();

        var page = RenderPage();

        page.WaitForAssertion(() => Assert.True(page.Find("[data-testid='delete-mark@example.com']").HasAttribute("disabled")));
    }
}
