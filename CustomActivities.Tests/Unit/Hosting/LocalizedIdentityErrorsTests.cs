using System.Globalization;
using CustomActivities.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace CustomActivities.Tests.Unit.Hosting;

public sealed class LocalizedIdentityErrorsTests
{
    [Fact]
    public void Password_and_email_errors_are_in_the_readers_language_with_their_values()
    {
        var services = new ServiceCollection().AddLogging().AddLocalization(o => o.ResourcesPath = "Resources").BuildServiceProvider();
        var errors = new LocalizedIdentityErrors(services.GetRequiredService<IStringLocalizer<SharedResource>>());
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo("en");
            Assert.Equal("The password needs at least 10 characters.", errors.PasswordTooShort(10).Description);
            Assert.Equal("Another user already has the email ada@example.com.", errors.DuplicateEmail("ada@example.com").Description);
            Assert.Equal("PasswordMismatch", errors.PasswordMismatch().Code);
            Assert.Equal("ConcurrencyFailure", errors.ConcurrencyFailure().Code);

            CultureInfo.CurrentUICulture = new CultureInfo("fr");
            Assert.Equal("Le mot de passe doit comporter au moins 10 caractères.", errors.PasswordTooShort(10).Description);
            Assert.Equal("Le mot de passe actuel est incorrect.", errors.PasswordMismatch().Description);
            Assert.StartsWith("Quelqu'un d'autre a modifié ce compte", errors.ConcurrencyFailure().Description, StringComparison.Ordinal);
            Assert.Equal("Le compte n'a pas pu être modifié. Réessayez.", errors.DefaultError().Description);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
