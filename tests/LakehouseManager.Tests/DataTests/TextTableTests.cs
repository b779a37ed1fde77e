using LakehouseManager.Reporting;
using Xunit;

namespace LakehouseManager.Tests.DataTests;

/// <summary>Tests of the generic console table (src/LakehouseManager/Reporting), kept with its first user.</summary>
public sealed class TextTableTests
{
    [Fact]
    public void A_table_aligns_columns_and_cuts_long_cells()
    {
        // Arrange
        var table = new TextTable(
                new TextColumn("Target"),
                new TextColumn("Status", MaxWidth: 9),
                new TextColumn("Duration", TextAlignment.Right))
            .WithRow("Restore", "Succeeded", "1.2s")
            .WithRow("Compile", "Failed: CS0103 the name does not exist", "12.5s")
            .WithRow("RunDataTests", "Skipped")
            .WithRow("Pack", null, "0ms");

        // Act
        var text = table.Render();

        // Assert
        TestFiles.AssertMatchesExpected(text, "text-table.txt");
        Assert.Equal(4, table.RowCount);
    }

    [Fact]
    public void A_table_is_immutable()
    {
        var empty = new TextTable(new TextColumn("A"));

        var one = empty.WithRow("x");

        Assert.Equal(0, empty.RowCount);
        Assert.Equal(1, one.RowCount);
        Assert.Equal("A\n-\n", empty.Render());
    }

    [Fact]
    public void Cells_are_made_single_line_and_control_characters_are_replaced()
    {
        var text = new TextTable(new TextColumn("Value")).WithRow("a\r\nb\tc\u001b[31md").Render();

        Assert.Equal("Value\n-----------\na b c?[31md\n", text);
    }

    [Fact]
    public void Cutting_never_splits_a_surrogate_pair()
    {
        var text = new TextTable(new TextColumn("V", MaxWidth: 3)).WithRow("a💥bcd").Render();

        Assert.Equal("V\n--\na…\n", text);
    }

    [Fact]
    public void Lines_can_be_indented_and_carry_no_trailing_spaces()
    {
        var text = new TextTable(new TextColumn("Name"), new TextColumn("Note")).WithRow("x", "").Render("  ");

        Assert.Equal("  Name  Note\n  ----  ----\n  x\n", text);
    }

    [Fact]
    public void A_row_with_too_many_cells_is_rejected()
    {
        var table = new TextTable(new TextColumn("A"));

        var error = Assert.Throws<ArgumentException>(() => table.WithRow("1", "2"));

        Assert.StartsWith("The row has 2 cells but the table has 1 columns.", error.Message, StringComparison.Ordinal);
    }
}
