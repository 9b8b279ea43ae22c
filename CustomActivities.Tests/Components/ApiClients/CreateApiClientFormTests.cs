using Bunit;
using CustomActivities.Core.ApiClients;
using CustomActivities.Core.Auditing;
using CustomActivities.Tests.Support;
using CustomActivities.Web.Components.Pages.ApiClients;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;

namespace CustomActivities.Tests.Components.ApiClients;

public sealed class CreateApiClientFormTests : AppComponentContext, IAsyncLifetime
{
    private CoreTestHost core = null!;

    protected override void AddServices(IServiceCollection services) => services
        .AddSingleton(_ => core.Get<ApiClientService>())
        .AddSingleton<ICurrentActor>(_ => core.Actor);

    public async ValueTask InitializeAsync() => core = await new CoreTestHostBuilder().BuildAsync();

    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        await DisposeAsync();
        await core.DisposeAsync();
    }

    [Fact]
    public void While_prerendering_the_name_permission_and_button_are_disabled()
    {
        RenderStatically();

        var form = Render<CreateApiClientForm>();

        Assert.All(form.FindAll("input"), input => Assert.True(input.HasAttribute("disabled"), input.OuterHtml));
        Assert.True(form.Find("[data-testid=create-api-client]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task An_empty_name_is_refused_next_to_the_field_and_nothing_is_created()
    {
        var form = Render<CreateApiClientForm>();

        await form.Find("[data-testid=create-api-client]").ClickAsync(new MouseEventArgs());

        form.WaitForAssertion(() => Assert.Contains("Enter a name.", form.Find("input[data-testid=api-client-name]").Closest(".mud-input-control")!.TextContent));
        Assert.Empty(await core.Get<ApiClientService>().ListAsync(cancellationToken: Xunit.TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Creates_a_client_with_the_default_permission_and_hands_its_secret_on()
    {
        ApiClientSecret? handed = null;
        var form = Render<CreateApiClientForm>(p => p.Add(f => f.Created, secret => handed = secret));

        await form.Find("input[data-testid=api-client-name]").ChangeAsync(new ChangeEventArgs { Value = " crm " });
        await form.Find("[data-testid=create-api-client]").ClickAsync(new MouseEventArgs());

        form.WaitForAssertion(() => Assert.NotNull(handed));
        Assert.Equal("crm", handed!.Name);
        var client = Assert.Single(await core.Get<ApiClientService>().ListAsync(cancellationToken: Xunit.TestContext.Current.CancellationToken));
        Assert.Equal(ApiPermission.WriteActivitiesAndLeads, client.Permission);
    }
}
