namespace ElasticFunnels.Crm.Tests.Fields;

public sealed class FieldTypeShapeTests
{
    [Theory]
    [InlineData("text", FieldValueShape.Text)]
    [InlineData("textarea", FieldValueShape.Text)]
    [InlineData("rich_text", FieldValueShape.Text)]
    [InlineData("wysiwyg", FieldValueShape.Text)]
    [InlineData("email", FieldValueShape.Text)]
    [InlineData("phone", FieldValueShape.Text)]
    [InlineData("tel", FieldValueShape.Text)]
    [InlineData("url", FieldValueShape.Text)]
    [InlineData("color", FieldValueShape.Text)]
    [InlineData("image", FieldValueShape.Text)]
    [InlineData("file", FieldValueShape.Text)]
    [InlineData("number", FieldValueShape.Number)]
    [InlineData("decimal", FieldValueShape.Number)]
    [InlineData("currency", FieldValueShape.Number)]
    [InlineData("integer", FieldValueShape.Integer)]
    [InlineData("boolean", FieldValueShape.Boolean)]
    [InlineData("checkbox", FieldValueShape.Boolean)]
    [InlineData("date", FieldValueShape.Date)]
    [InlineData("datetime", FieldValueShape.DateTime)]
    [InlineData("time", FieldValueShape.Time)]
    [InlineData("select", FieldValueShape.Option)]
    [InlineData("radio", FieldValueShape.Option)]
    [InlineData("multi_select", FieldValueShape.Options)]
    [InlineData("multiselect", FieldValueShape.Options)]
    [InlineData(" MultiSelect ", FieldValueShape.Options)]
    [InlineData("json", FieldValueShape.Json)]
    [InlineData("reference", FieldValueShape.Reference)]
    [InlineData("multi_reference", FieldValueShape.References)]
    [InlineData("star_rating", FieldValueShape.Unknown)]
    public void Shape_EveryVendorType_MapsToItsClrShape(string wire, FieldValueShape expected)
    {
        var type = new FieldType(wire);

        Assert.Equal(expected, type.Shape);
        Assert.Equal(expected != FieldValueShape.Unknown, type.IsKnown);
        Assert.Equal(wire.Trim(), type.Value);
    }

    [Fact]
    public void StaticMembers_NewScriptTypes_HaveTheirWireValues()
    {
        Assert.Equal(
            ["integer", "decimal", "currency", "time", "checkbox", "radio"],
            new[] { FieldType.Integer, FieldType.Decimal, FieldType.Currency, FieldType.Time, FieldType.Checkbox, FieldType.Radio }.Select(t => t.Value));
        Assert.Equal(FieldValueShape.Text, default(FieldType).Shape);
    }
}
