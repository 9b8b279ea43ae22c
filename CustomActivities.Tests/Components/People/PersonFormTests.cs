using Bunit;
using CustomActivities.Core.People;
using CustomActivities.Core.Results;
using CustomActivities.Tests.Builders;
using CustomActivities.Web.Components.Pages.People;

namespace CustomActivities.Tests.Components.People;

public sealed class PersonFormTests : PeopleComponentContext
{
    private IRenderedComponent<PersonForm> RenderForm(PersonInput input) => Render<PersonForm>(p => p
        .Add(c => c.Input, input)
        .Add(c => c.SubmitText, "Create person")
        .Add(c => c.Save, (Func<PersonInput, Task<Result<int>>>)(value => Core.Get<PeopleService>().CreateAsync(value, Ct))));

    private static string ErrorOf(IRenderedComponent<PersonForm> form, string field) =>
        form.Find($"#person-{field}-error").TextContent.Trim();

    [Fact]
    public void A_malformed_email_gets_a_message_next_to_the_field_and_nothing_is_saved()
    {
        var form = RenderForm(new PersonInput());

        form.Find("input[data-testid=person-Email]").Input("not an email");
        form.Find("[data-testid=person-save]").Click();

        form.WaitForAssertion(() => Assert.Equal("Enter a valid email address, like name@example.com.", ErrorOf(form, "Email")));
        Assert.Empty(Core.NewContext().People);
    }

    [Fact]
    public void An_empty_email_is_required()
    {
        var form = RenderForm(new PersonInput());

        form.Find("[data-testid=person-save]").Click();

        form.WaitForAssertion(() => Assert.Equal("Enter an email address.", ErrorOf(form, "Email")));
    }

    [Fact]
    public async Task An_email_another_person_has_is_refused_by_the_save()
    {
        await using (var data = Data())
        {
            await data.AddPersonAsync(A.Person.WithEmail("ada@example.com").Build());
        }
        var form = RenderForm(new PersonInput());

        form.Find("input[data-testid=person-Email]").Input("Ada@Example.com");
        form.Find("[data-testid=person-save]").Click();

        form.WaitForAssertion(() => Assert.Equal("Another person already has this email address.", ErrorOf(form, "Email")));
    }

    [Fact]
    public void A_valid_person_is_saved()
    {
        var form = RenderForm(new PersonInput());

        form.Find("input[data-testid=person-Email]").Input("grace@example.com");
        form.Find("input[data-testid=person-LastName]").Input("Hopper");
        form.Find("[data-testid=person-save]").Click();

        form.WaitForAssertion(() => Assert.Equal("Hopper", Assert.Single(Core.NewContext().People).LastName));
        Assert.Empty(form.FindAll(".mud-input-error"));
    }

    [Fact]
    public void Every_input_and_the_save_button_are_disabled_until_the_page_is_interactive()
    {
        RenderStatically();

        var form = RenderForm(new PersonInput());

        Assert.Equal(4, form.FindAll("input").Count);
        Assert.All(form.FindAll("input"), input => Assert.True(input.HasAttribute("disabled")));
        Assert.True(form.Find("[data-testid=person-save]").HasAttribute("disabled"));
    }

    [Fact]
    public void In_french_the_labels_and_messages_are_translated()
    {
        UseCulture("fr");
        var form = RenderForm(new PersonInput());

        form.Find("[data-testid=person-save]").Click();

        Assert.Contains("Prénom", form.Markup);
        form.WaitForAssertion(() => Assert.Equal("Saisissez une adresse e-mail.", ErrorOf(form, "Email")));
    }
}
