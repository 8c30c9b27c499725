using GraphQL.Types;
using OurSociety.Federation.Organisations;

namespace OurSociety.Federation.Api.Organisations;

public sealed class ContactInputType : InputObjectGraphType<Contact>
{
    public ContactInputType()
    {
        Name = "ContactInput";
        Description = "Private contact details, shared only by the organisation's own choice.";
        Field<StringGraphType>("email").Description("An e-mail address.");
        Field<StringGraphType>("phone").Description("A phone number, up to 40 characters.");
        Field<StringGraphType>("person").Description("Whom to ask for, up to 200 characters.");
    }

    public override object ParseDictionary(IDictionary<string, object?> value) => new Contact(
        value.TryGetValue("email", out var email) ? email as string : null,
        value.TryGetValue("phone", out var phone) ? phone as string : null,
        value.TryGetValue("person", out var person) ? person as string : null);
}
