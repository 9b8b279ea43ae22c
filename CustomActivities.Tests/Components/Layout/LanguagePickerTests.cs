using Bunit;
using CustomActivities.Tests.Support;
using CustomActivities.Web.Components.Layout;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace CustomActivities.Tests.Components.Layout;

public sealed class LanguagePickerTests : AppComponentContext
{
    [Fact]
    public async Task Lists_each_language_in_its_own_name_and_choosing_one_reloads_through_the_culture_endpoint()
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("people?q=ada");
        var picker = RenderWithOverlays(b => { b.OpenComponent<LanguagePicker>(0); b.CloseComponent(); });

        Assert.Equal("EN", picker.Find("[data-testid=language-button]").TextContent.Trim());
        await picker.Find("[data-testid=language-button]").ClickAsync(new());
        var french = picker.WaitForElement("[data-testid=language-fr]");
        Assert.Contains("English", picker.Find("[data-testid=language-en]").TextContent);
        Assert.Contains("Deutsch", picker.Find("[data-testid=language-de]").TextContent);
        Assert.Contains("Nederlands", picker.Find("[data-testid=language-nl]").TextContent);
        Assert.Contains("Português (Brasil)", picker.Find("[data-testid=language-pt-BR]").TextContent);
        Assert.Contains("Español", picker.Find("[data-testid=language-es]").TextContent);
        Assert.Contains("Français", french.TextContent);
        await french.ClickAsync(new());

        Assert.Equal("http://localhost/Culture/Set?culture=fr&redirectUri=%2Fpeople%3Fq%3Dada", navigation.Uri);
    }
}
