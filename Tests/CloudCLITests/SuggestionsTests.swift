import Testing

@testable import CloudCLI

/// "Did you mean": the edit distance and the choice of the nearest names.
@Suite struct SuggestionsTests {
    @Test func editDistanceCountsInsertionsDeletionsAndSubstitutions() {
        #expect(Suggestions.editDistance("kitten", "sitting") == 3)
        #expect(Suggestions.editDistance("lst-datasets", "list-datasets") == 1)
        #expect(Suggestions.editDistance("", "ecs") == 3)
        #expect(Suggestions.editDistance("ecs", "ecs") == 0)
    }

    @Test func onlyTheNearestNamesAreSuggested() {
        let operations = ["list-datasets", "list-dataset-versions", "delete-dataset", "list-servers-details", "desc-dataset"]
        #expect(Suggestions.nearest(to: "lst-datasets", among: operations).first == "list-datasets")
        #expect(Suggestions.nearest(to: "list-server-details", among: operations) == ["list-servers-details"])
        #expect(Suggestions.nearest(to: "ecz", among: ["ecs", "evs", "eip", "modelarts"]) == ["ecs"])
        #expect(Suggestions.nearest(to: "vpx", among: ["vpc", "vpn", "ecs"]) == ["vpc", "vpn"])
    }

    @Test func aNameContainedInAnotherIsSuggested() {
        #expect(Suggestions.nearest(to: "servers", among: ["list-servers-details", "list-flavors"]) == ["list-servers-details"])
    }

    @Test func unrelatedNamesAreNotSuggested() {
        #expect(Suggestions.nearest(to: "frobnicate", among: ["list-datasets", "ecs"]).isEmpty)
        #expect(Suggestions.hint([]) == nil)
    }

    @Test func theHintListsTheNames() {
        #expect(Suggestions.hint(["ecs"]) == "did you mean ecs?")
        #expect(Suggestions.hint(["ecs", "evs", "eip"]) == "did you mean ecs, evs or eip?")
    }
}
