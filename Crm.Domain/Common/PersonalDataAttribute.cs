namespace Crm.Domain.Common;

/// <summary>
/// Marks an event property that holds personal data of the customer (names, e-mails, phones,
/// addresses, free text the customer wrote or that describes them). The whole value of a marked
/// property is personal: the store encrypts it with the customer's key, so erasing the customer
/// (destroying the key) makes it read as erased everywhere while the event itself stays.
/// </summary>
/// <remarks>Apply it to positional record parameters with the <c>property:</c> target.</remarks>
[AttributeUsage(AttributeTargets.Property, Inherited = true, AllowMultiple = false)]
public sealed class PersonalDataAttribute : Attribute;
