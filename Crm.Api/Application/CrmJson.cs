using System.Text.Json;
using System.Text.Json.Serialization;
using Crm.Domain.Common;

namespace Crm.Api.Application;

/// <summary>How domain events are written to and read from the store.</summary>
internal static class CrmJson
{
    /// <summary>
    /// Web defaults (camelCase names) with enums as their names: a stored event says
    /// <c>"kind": "Complaint"</c>, never a number, so reordering or inserting enum members can never
    /// change what an old event means. The domain's equatable collections read and write as plain
    /// JSON arrays and objects.
    /// </summary>
    public static JsonSerializerOptions CreateEventOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false));
        options.Converters.Add(new EquatableCollectionJsonConverterFactory());
        return options;
    }
}
