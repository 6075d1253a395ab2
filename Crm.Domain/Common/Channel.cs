namespace Crm.Domain.Common;

/// <summary>The six channels a customer reaches customer service through.</summary>
public enum Channel
{
    /// <summary>A voice call.</summary>
    Phone,

    /// <summary>An e-mail.</summary>
    Email,

    /// <summary>A live web or app chat.</summary>
    Chat,

    /// <summary>A public or private message on a social network.</summary>
    SocialMedia,

    /// <summary>A visit to a shop or service point.</summary>
    InPerson,

    /// <summary>A letter.</summary>
    Mail,
}

/// <summary>Who started a contact.</summary>
public enum Direction
{
    /// <summary>The customer contacted customer service.</summary>
    Inbound,

    /// <summary>Customer service contacted the customer.</summary>
    Outbound,
}

/// <summary>Facts about channels that rules rely on.</summary>
public static class Channels
{
    /// <summary>
    /// Whether the channel is a live conversation (Phone, Chat, InPerson): the customer is answered
    /// while the contact lasts, so a case opened during it has had its first response.
    /// </summary>
    public static bool IsLive(this Channel channel) => channel is Channel.Phone or Channel.Chat or Channel.InPerson;

    /// <summary>Whether contacts on this channel wait in a queue for an agent and can be abandoned (every channel but Email and Mail).</summary>
    public static bool IsQueued(this Channel channel) => channel is not (Channel.Email or Channel.Mail);
}
