using Bunit;
using CustomActivities.Core.ApiClients;
using CustomActivities.Tests.Builders;
using CustomActivities.Tests.Support;
using CustomActivities.Web.Components.Pages.ApiClients;

namespace CustomActivities.Tests.Components.ApiClients;

public sealed class CreateApiClientFormTests : CoreComponentContext
{
    protected override IEnumerable<Type> CoreServices => [typeof(ApiClientService)];

    private Task<IReadOnlyList<ApiClientSummary>> ClientsAsync() => Core.Get<ApiClientService>().ListAsync(cancellationToken: Ct);

    [Fact]
    public void While_prerendering_the_name_permission_and_button_are_disabled()
    {
        RenderStatically();

        Render<CreateApiClientForm>().AssertNothingAcceptsInput("create-api-client");
    }

    [Fact]
    public async Task An_empty_name_is_refused_next_to_the_field_and_nothing_is_created()
    {
        var form = Render<CreateApiClientForm>();

        await form.Fill().SubmitAsync("create-api-client");

        form.WaitForAssertion(() => Assert.Contains("Enter a name.", form.TextAround("api-client-name")));
        Assert.Empty(await ClientsAsync());
    }

    [Fact]
    public async Task Creates_a_client_with_the_default_permission_and_hands_its_secret_on()
    {
        ApiClientSecret? handed = null;
        var form = Render<CreateApiClientForm>(p => p.Add(f => f.Created, secret => handed = secret));

        await form.Fill().With("api-client-name", " crm ").SubmitAsync("create-api-client");

        form.WaitForAssertion(() => Assert.NotNull(handed));
        Assert.Equal("crm", handed!.Name);
        var client = Assert.Single(await ClientsAsync());
        Assert.Equal(ApiPermission.WriteActivitiesAndLeads, client.Permission);
    }

    [Fact]
    public async Task A_name_already_in_use_is_refused_next_to_the_field_in_the_readers_language()
    {
        await Core.Get<ApiClientService>().CreateAsync("CRM", ApiPermission.Full, Ct);
        UseCulture("fr");
        var form = Render<CreateApiClientForm>();

        await form.Fill().With("api-client-name", "CRM").SubmitAsync("create-api-client");

        form.WaitForAssertion(() => Assert.Contains("Un client actif nommé « CRM » existe déjà.", form.TextAround("api-client-name")));
        Assert.Single(await ClientsAsync());
    }
}
