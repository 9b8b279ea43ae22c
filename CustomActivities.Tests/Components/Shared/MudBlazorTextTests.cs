using Bunit;
using CustomActivities.Tests.Support;

namespace CustomActivities.Tests.Components.Shared;

/// <summary>MudBlazor's own strings (its pager's words and buttons) follow the UI language through the app's MudLocalizer.</summary>
public sealed class MudBlazorTextTests : AppComponentContext
{
    [Fact]
    public void A_data_grid_pager_speaks_german()
    {
        UseCulture("de");

        var grid = Render<PagedGridHost>();

        Assert.Contains("Zeilen pro Seite:", grid.Find(".mud-table-pagination").TextContent);
        Assert.Contains("1-10 von 30", grid.Find(".mud-table-pagination").TextContent);
        Assert.Equal("Nächste Seite", grid.Find("button[aria-label=\"Nächste Seite\"]").GetAttribute("aria-label"));
        Assert.NotEmpty(grid.FindAll("button[aria-label=\"Erste Seite\"]"));
    }

    [Fact]
    public void In_english_the_pager_keeps_mudblazors_own_words()
    {
        var grid = Render<PagedGridHost>();

        Assert.Contains("Rows per page:", grid.Find(".mud-table-pagination").TextContent);
        Assert.Contains("1-10 of 30", grid.Find(".mud-table-pagination").TextContent);
        Assert.NotEmpty(grid.FindAll("button[aria-label=\"Next page\"]"));
    }

    [Theory]
    [InlineData("fr", "Lignes par page :", "1-10 sur 30")]
    [InlineData("nl", "Rijen per pagina:", "1-10 van 30")]
    [InlineData("pt-BR", "Linhas por página:", "1-10 de 30")]
    [InlineData("es", "Filas por página:", "1-10 de 30")]
    public void The_pager_speaks_each_other_language(string culture, string rowsPerPage, string info)
    {
        UseCulture(culture);

        var grid = Render<PagedGridHost>();

        Assert.Contains(rowsPerPage, grid.Find(".mud-table-pagination").TextContent);
        Assert.Contains(info, grid.Find(".mud-table-pagination").TextContent);
    }
}
