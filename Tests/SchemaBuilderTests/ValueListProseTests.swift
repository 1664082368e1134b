import APISchema
import Testing

@testable import SchemaBuilder

/// The description of a field whose values the schema lists keeps only its prose (``ValueListProse``).
@Suite struct ValueListProseTests {
    static func codes(_ pairs: (String, String)...) -> [EnumValue] {
        pairs.map { EnumValue(value: $0.0, description: $0.1) }
    }

    @Test func valueLinesAndTheirLeadLeave() {
        let values = Self.codes(("0", "creating"), ("1", "normal"), ("-1", "排队中"))
        #expect(ValueListProse.description("Job status. Options:\n0: creating\n1: normal\n-1：排队中", stating: values) == "Job status.")
        // Prose after the list stays; a lead that is its own line leaves with the list.
        #expect(
            ValueListProse.description("Job status.\nThe options are as follows:\n0: creating\n1: normal\n-1 - 排队中\nDefault: 0", stating: values)
                == "Job status.\nDefault: 0")
        // A lead in another language, with a full-width colon.
        #expect(ValueListProse.description("作业状态。取值范围：\n0: creating\n1: normal\n-1：排队中", stating: values) == "作业状态。")
    }

    @Test func valuesWithoutMeaningsAreBareLines() {
        let values = [EnumValue(value: "SFS"), EnumValue(value: "EVS")]
        #expect(ValueListProse.description("Storage type. Enums:\nSFS\nEVS", stating: values) == "Storage type.")
    }

    /// A clause ending in a colon that introduces no value list is the page's prose: it stays, its colon a full stop.
    @Test func aColonThatIsNoLeadEndsItsSentence() {
        let values = Self.codes(("A", "first"), ("B", "second"))
        #expect(ValueListProse.description("Credential status:\nA: first\nB: second", stating: values) == "Credential status.")
        #expect(ValueListProse.description("凭据状态：\nA: first\nB: second", stating: values) == "凭据状态。")
    }

    /// Each run of value lines goes with its lead: a page that lists the values twice keeps neither list.
    @Test func everyRunOfValueLinesLeavesWithItsLead() {
        let values = [EnumValue(value: "receive"), EnumValue(value: "reject")]
        let twice = "Allow or reject connections.\nreceive\nreject\nEnumeration values:\nreceive\nreject"
        #expect(ValueListProse.description(twice, stating: values) == "Allow or reject connections.")
    }

    /// Anything less than every value on lines of its own, as the list has them, leaves the description whole.
    @Test func descriptionsThatDoNotStateTheListLineByLineStay() {
        let values = Self.codes(("0", "creating"), ("1", "normal"))
        let inline = "Job status. The value can be 0 (creating) or 1 (normal)."
        #expect(ValueListProse.description(inline, stating: values) == inline)
        // One value's line says more than the list has for it (a meaning continued on the next line).
        let longer = "Job status. Options:\n0: creating\n1: normal, unless\nthe job was stopped"
        #expect(ValueListProse.description(longer, stating: Self.codes(("0", "creating"), ("1", "normal, unless the job was stopped"))) == longer)
        // A value the lines do not state.
        let partial = "Job status. Options:\n0: creating"
        #expect(ValueListProse.description(partial, stating: values) == partial)
        // Nothing but the list: the description stays rather than becoming empty.
        let bare = "Options:\n0: creating\n1: normal"
        #expect(ValueListProse.description(bare, stating: values) == bare)
        #expect(ValueListProse.description(inline, stating: nil) == inline)
    }
}
