using System.Globalization;
using System.Xml.Linq;
using CustomActivities.Core.ActivityTypes;
using CustomActivities.Core.ApiClients;
using CustomActivities.Core.People;
using CustomActivities.Core.Results;
using CustomActivities.Core.Users;
using CustomActivities.Tests.Support;
using CustomActivities.Web;
using CustomActivities.Web.Api;
using CustomActivities.Web.Components.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace CustomActivities.Tests.Unit.Results;

/// <summary>
/// Every refusal Core can give is worded for people in English and French (resource "Problem.{code}") and has a Marketo
/// code for the REST API: a new code without either fails here, not in front of a user or an integration.
/// </summary>
public sealed class ProblemWordingTests
{
    [Fact]
    public void The_catalogue_finds_the_codes_of_every_feature()
    {
        Assert.Contains(CommonProblems.Required, ProblemCatalog.Codes);
        Assert.Contains(ActivityTypeErrorCodes.SelfApproval, ProblemCatalog.Codes);
        Assert.Contains(PersonErrors.EmailTaken, ProblemCatalog.Codes);
        Assert.Contains(UserErrors.LastAdmin, ProblemCatalog.Codes);
        Assert.Contains(ApiClientErrors.NameTaken, ProblemCatalog.Codes);
    }

    [Theory]
    [InlineData("SharedResource.resx")]
    [InlineData("SharedResource.fr.resx")]
    public void Every_code_has_a_text_in_each_language(string file)
    {
        var keys = XDocument.Load(Path.Combine(AppProcess.RepositoryRoot(), "CustomActivities.Web", "Resources", file)).Root!
            .Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet();

        Assert.All(ProblemCatalog.Codes, code => Assert.Contains("Problem." + code, keys));
    }

    [Fact]
    public void Every_code_maps_to_a_documented_marketo_code()
    {
        var documented = ApiErrors.All.Select(e => e.Code).ToHashSet();

        Assert.All(ProblemCatalog.Codes, code => Assert.Contains(ApiErrors.Code(new Problem("", code, "")), documented));
    }

    [Theory]
    [InlineData(ActivityTypeErrorCodes.NotFound, "610")]
    [InlineData(CommonProblems.Required, "1002")]
    [InlineData(ActivityTypeErrorCodes.InvalidApiName, "1003")]
    [InlineData(ActivityTypeErrorCodes.FieldNotFound, "1006")]
    [InlineData(ActivityTypeErrorCodes.SelfApproval, "709")]
    [InlineData(ActivityTypeErrorCodes.TooManyFields, "709")]
    [InlineData(ActivityTypeErrorCodes.DuplicateApiName, "709")]
    public void The_api_answers_each_kind_with_marketos_code(string code, string marketo) =>
        Assert.Equal(marketo, ApiErrors.Code(new Problem("", code, "")));

    [Fact]
    public void The_api_message_names_the_input_in_the_apis_words()
    {
        Assert.Equal(new ApiError("1003", "primaryAttribute.apiName: Use letters and digits only (no spaces)."),
            ApiErrors.From(new Problem("primaryField.apiName", ActivityTypeErrorCodes.InvalidApiName, "Use letters and digits only (no spaces).")));
        Assert.Equal(new ApiError("610", "There is no activity type \"x\"."),
            ApiErrors.From(new Problem("apiName", ActivityTypeErrorCodes.NotFound, "There is no activity type \"x\".")));
    }

    [Fact]
    public void A_french_reader_gets_the_problem_in_french_with_its_arguments()
    {
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo("fr");
            using var services = new ServiceCollection().AddLogging().AddLocalization(o => o.ResourcesPath = "Resources").BuildServiceProvider();
            var text = services.GetRequiredService<IStringLocalizer<SharedResource>>();

            Assert.Equal("255 caractères au plus.", text.Problem(CommonProblems.TooLongFor("apiName", 255)));
            Assert.Equal("Un client actif nommé « CRM » existe déjà.", text.ProblemCode(ApiClientErrors.NameTaken, "CRM"));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
