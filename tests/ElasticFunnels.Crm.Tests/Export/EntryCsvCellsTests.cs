using CsCheck;

namespace ElasticFunnels.Crm.Tests.Export;

public sealed class EntryCsvCellsTests
{
    // Characters the encodings care about, plus ordinary and non-ASCII text.
    private static readonly Gen<string> Text = Gen.OneOf(
            "a", "Z", "0", "5", " ", "  ", "\t", "\r", "\n", ";", ",", "\"", "'", "\\", "=", "+", "-", "@", ".", "e", "é", "日本", "😀")
        .Array[0, 12]
        .Select(string.Concat);

    [Fact]
    public void JoinList_ThenSplitList_GivesTheItemsBack() =>
        Text.Array[1, 6].Where(items => items.Any(i => i.Length > 0)).Sample(items =>
            Assert.Equal(items, EntryCsvCells.SplitList(EntryCsvCells.JoinList(items))));

    [Fact]
    public void NeutralizeFormula_ThenRestoreFormula_GivesTheTextBack() =>
        Text.Sample(text => Assert.Equal(text, EntryCsvCells.RestoreFormula(EntryCsvCells.NeutralizeFormula(text))));

    [Fact]
    public void NeutralizeFormula_ThenRestoreFormula_AfterJoinList_GivesTheItemsBack() =>
        Text.Array[1, 4].Where(items => items.Any(i => i.Length > 0)).Sample(items =>
            Assert.Equal(items, EntryCsvCells.SplitList(EntryCsvCells.RestoreFormula(EntryCsvCells.NeutralizeFormula(EntryCsvCells.JoinList(items))))));

    [Theory]
    [InlineData(new[] { "a;b", " c", "d\\e" }, "a\\;b; \\ c; d\\\\e")]
    [InlineData(new[] { "Facebook", "Google" }, "Facebook; Google")]
    [InlineData(new[] { "x ", "  y" }, "x\\ ; \\  y")]
    [InlineData(new[] { "Doe, \"Jane\"" }, "Doe, \"Jane\"")]
    [InlineData(new string[0], "")]
    public void JoinList_EscapesBackslashSemicolonAndOuterWhiteSpace(string[] items, string expected) =>
        Assert.Equal(expected, EntryCsvCells.JoinList(items));

    [Theory]
    [InlineData("Facebook;Google", new[] { "Facebook", "Google" })]
    [InlineData(" Facebook ;  Google ", new[] { "Facebook", "Google" })]
    [InlineData("a\\;b", new[] { "a;b" })]
    [InlineData("trailing\\", new[] { "trailing\\" })]
    [InlineData("a;;b", new[] { "a", "", "b" })]
    [InlineData("   ", new string[0])]
    [InlineData(null, new string[0])]
    public void SplitList_HandTypedCells_ReadAsAPersonMeansThem(string? cell, string[] expected) =>
        Assert.Equal(expected, EntryCsvCells.SplitList(cell));

    [Theory]
    [InlineData("=SUM(A1:A9)", "'=SUM(A1:A9)")]
    [InlineData("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@import", "'@import")]
    [InlineData("\tx", "'\tx")]
    [InlineData("'=A1", "''=A1")]
    [InlineData("''-x", "'''-x")]
    [InlineData("-5", "-5")]
    [InlineData("+1.5", "+1.5")]
    [InlineData("-2e3", "-2e3")]
    [InlineData("-.5", "-.5")]
    [InlineData("'tis", "'tis")]
    [InlineData("'", "'")]
    [InlineData("plain", "plain")]
    [InlineData("", "")]
    [InlineData("-", "'-")]
    [InlineData("-Infinity", "'-Infinity")]
    public void NeutralizeFormula_GuardsFormulaStartsButNotNumbers(string cell, string expected) =>
        Assert.Equal(expected, EntryCsvCells.NeutralizeFormula(cell));

    [Theory]
    [InlineData("'=A1", "=A1")]
    [InlineData("''=A1", "'=A1")]
    [InlineData("'tis", "'tis")]
    [InlineData("''", "''")]
    [InlineData("-5", "-5")]
    public void RestoreFormula_RemovesOnlyTheGuard(string cell, string expected) =>
        Assert.Equal(expected, EntryCsvCells.RestoreFormula(cell));

    [Fact]
    public void JoinList_NullItem_Throws() =>
        Assert.Throws<ArgumentException>(() => EntryCsvCells.JoinList(["a", null!]));
}
