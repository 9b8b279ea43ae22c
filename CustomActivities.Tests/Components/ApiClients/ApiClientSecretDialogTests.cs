using Bunit;
using CustomActivities.Core.ApiClients;
using CustomActivities.Core.Auditing;
using CustomActivities.Tests.Support;
using CustomActivities.Web.Components.Pages.ApiClients;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CustomActivities.Tests.Components.ApiClients;

/// <summary>The one-time secret, shown by the API clients page after a client is created, on a real database.</summary>
public sealed class ApiClientSecretDialogTests : CoreComponentContext
{
    protected override IEnumerable<Type> CoreServices => [typeof(ApiClientService), typeof(TimeProvider)];

    /// <summary>Creates a client through the page; the returned task ends when the secret dialog is closed.</summary>
    private async Task<(IRenderedComponent<WithOverlays> Page, Task Shown)> CreateClientAsync(string name)
    {
        var page = RenderWithOverlays(b =>
        {
            b.OpenComponent<ApiClientsPage>(0);
            b.CloseComponent();
        });
        await page.Find("input[data-testid=api-client-name]").ChangeAsync(new ChangeEventArgs { Value = name });
        var shown = page.Find("[data-testid=create-api-client]").ClickAsync(new MouseEventArgs());
        page.WaitForAssertion(() => page.Find("[data-testid=secret-stored]"));
        return (page, shown);
    }

    [Fact]
    public async Task Shows_the_client_id_and_a_secret_that_works_once()
    {
        var (page, _) = await CreateClientAsync("crm");

        var clientId = page.Find("input[data-testid=new-client-id]").GetAttribute("value")!;
        var secret = page.Find("input[data-testid=new-client-secret]").GetAttribute("value")!;
        var client = Assert.Single(await Core.Get<ApiClientService>().ListAsync(cancellationToken: Xunit.TestContext.Current.CancellationToken));
        Assert.Equal(client.ClientId, clientId);
        Assert.True(secret.Length >= 40);
        Assert.Contains("shown only this once", page.Find("[data-testid=api-client-secret-dialog]").TextContent);
    }

    [Fact]
    public async Task Escape_and_the_backdrop_do_not_close_it_only_i_have_stored_it_does()
    {
        var (page, shown) = await CreateClientAsync("crm");

        IMudDialogInstance dialog = page.FindComponent<MudDialogContainer>().Instance;
        Assert.False(dialog.Options.CloseOnEscapeKey);
        Assert.False(dialog.Options.BackdropClick);
        Assert.Empty(page.FindAll(".mud-dialog-title button"));

        await page.Find("[data-testid=secret-stored]").ClickAsync(new MouseEventArgs());
        await shown;

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=new-client-secret]")));
        Assert.Equal("Active", page.Find("[data-testid=status-crm]").TextContent.Trim());
    }
}
