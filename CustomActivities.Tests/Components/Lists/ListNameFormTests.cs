using Bunit;
using CustomActivities.Core.Lists;
using CustomActivities.Core.Results;
using CustomActivities.Web.Components.Pages.Lists;
using Microsoft.AspNetCore.Components.Web;

namespace CustomActivities.Tests.Components.Lists;

public sealed class ListNameFormTests : ListsComponentContext
{
    [Fact]
    public async Task An_empty_name_is_refused_next_to_the_field_without_calling_save()
    {
        var saved = new List<string>();
        var form = Render<ListNameForm>(p => p.Add(c => c.SubmitText, "Create").Add(c => c.Save, name => { saved.Add(name); return Task.FromResult<Problem?>(null); }));

        form.Find("input[data-testid=list-name]").Input("   ");
        await form.Find("[data-testid=list-name-save]").ClickAsync(new MouseEventArgs());

        form.WaitForAssertion(() => Assert.Contains("This field is required.", form.Markup));
        Assert.Empty(saved);
    }

    [Fact]
    public void The_field_is_disabled_until_the_page_is_interactive()
    {
        RenderStatically();

        var form = Render<ListNameForm>(p => p.Add(c => c.SubmitText, "Create").Add(c => c.Save, _ => Task.FromResult<Problem?>(null)));

        Assert.True(form.Find("input[data-testid=list-name]").HasAttribute("disabled"));
        Assert.True(form.Find("[data-testid=list-name-save]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task A_name_core_refuses_is_shown_next_to_the_field_in_the_readers_language()
    {
        UseCulture("fr");
        var form = Render<ListNameForm>(p => p.Add(c => c.SubmitText, "Créer")
            .Add(c => c.Save, name => Task.FromResult<Problem?>(StaticListErrors.NameTakenBy(name))));

        form.Find("input[data-testid=list-name]").Input("Clients");
        await form.Find("[data-testid=list-name-save]").ClickAsync(new MouseEventArgs());

        form.WaitForAssertion(() => Assert.Contains("Une autre liste s'appelle déjà « Clients ».", form.Markup));
    }
}
