import Testing

@testable import MIME

@Suite("Address lists")
struct AddressListTests {
    func parse(_ text: String) throws(AddressListError) -> [Mailbox] {
        try AddressList.parse(Array(text.utf8))
    }

    @Test func displayNamesQuotedOrNotAndBareAddresses() throws {
        let mailboxes = try parse(#""Sender, Name" <sender@example.com>, Plain Name <p@x.org>, bare@y.net"#)
        #expect(
            mailboxes == [
                Mailbox(displayName: "Sender, Name", address: "sender@example.com"),
                Mailbox(displayName: "Plain Name", address: "p@x.org"),
                Mailbox(displayName: nil, address: "bare@y.net"),
            ])
        #expect(mailboxes[0].formatted == "Sender, Name <sender@example.com>")
        #expect(mailboxes[2].formatted == "bare@y.net")
    }

    @Test func encodedWordsInDisplayNamesAreDecoded() throws {
        let mailboxes = try parse("=?utf-8?q?J=C3=BCrgen_M=C3=BCller?= <juergen@example.com>")
        #expect(mailboxes == [Mailbox(displayName: "Jürgen Müller", address: "juergen@example.com")])
    }

    @Test func commentsAreDroppedAndAnOldStyleCommentNamesTheMailbox() throws {
        #expect(
            try parse("carol@example.com (Carol C.)")
                == [Mailbox(displayName: "Carol C.", address: "carol@example.com")])
        #expect(
            try parse("Dan (the (nested) boss) <dan@example.com>")
                == [Mailbox(displayName: "Dan", address: "dan@example.com")])
    }

    @Test func groupsListTheirMembersAndEmptyGroupsNone() throws {
        #expect(
            try parse("Team: alice@example.com, Bob <bob@example.com>;, eve@example.com").map(\.address)
                == ["alice@example.com", "bob@example.com", "eve@example.com"])
        #expect(try parse("undisclosed-recipients:;").isEmpty)
    }

    @Test func routesAndQuotedLocalPartsAreKept() throws {
        #expect(try parse("<@relay.example:user@example.com>").map(\.address) == ["user@example.com"])
        #expect(try parse(#""john doe"@example.com"#).map(\.address) == [#""john doe"@example.com"#])
        #expect(try parse("user@[192.0.2.1]").map(\.address) == ["user@[192.0.2.1]"])
    }

    @Test func emptyEntriesAreSkipped() throws {
        #expect(try parse(" , a@x.org ,, ").map(\.address) == ["a@x.org"])
        #expect(try parse("").isEmpty)
    }

    @Test func malformedListsGiveJavaMailsTexts() {
        #expect(throws: AddressListError(message: "Missing '\"'")) { try parse(#""open <a@x.org>"#) }
        #expect(throws: AddressListError(message: "Missing ')'")) { try parse("a@x.org (open") }
        #expect(throws: AddressListError(message: "Missing '>'")) { try parse("Name <a@x.org") }
        #expect(throws: AddressListError(message: "Nested group")) { try parse("A: B: c@x.org;;") }
        #expect(throws: AddressListError(message: "Illegal semicolon, not in group")) {
            try parse("a@x.org;")
        }
        #expect(throws: AddressListError(message: "Missing ']'")) { try parse("a@[1.2.3.4") }
    }
}
