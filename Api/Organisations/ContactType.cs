using GraphQL.Types;
using OurSociety.Federation.Organisations;

namespace OurSociety.Federation.Api.Organisations;

public sealed class ContactType : ObjectGraphType<Contact>
{
    public ContactType()
    {
        Name = "Contact";
        Description = "How to reach an organisation: private to it until an introduction connects it with another.";
        Field(x => x.Email, nullable: true).Description("An e-mail address.");
        Field(x => x.Phone, nullable: true).Description("A phone number.");
        Field(x => x.Person, nullable: true).Description("Whom to ask for.");
    }
}
