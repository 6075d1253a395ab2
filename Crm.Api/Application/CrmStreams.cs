using System.Globalization;

namespace Crm.Api.Application;

/// <summary>The stream ids of the CRM aggregates.</summary>
internal static class CrmStreams
{
    public const string CustomerPrefix = "customer-";
    public const string CasePrefix = "case-";
    public const string QueuePrefix = "queue-";

    public static string Customer(Guid id) => CustomerPrefix + id.ToString("D", CultureInfo.InvariantCulture);

    public static string Case(Guid id) => CasePrefix + id.ToString("D", CultureInfo.InvariantCulture);

    /// <summary>The queue's stream; names are compared as given, after trimming (as the domain records them).</summary>
    public static string Queue(string name) => QueuePrefix + name.Trim();
}
