/// Identifier helpers: UpperCamelCase names for operations, types and groups.
enum Naming {
    /// Verb forms normalised at the start of a title (`Creating` → `Create`).
    static let verbs: [String: String] = [
        "creating": "Create", "querying": "Query", "deleting": "Delete", "modifying": "Modify",
        "updating": "Update", "obtaining": "Get", "getting": "Get", "adding": "Add", "removing": "Remove",
        "starting": "Start", "stopping": "Stop", "restarting": "Restart", "rebooting": "Reboot",
        "listing": "List", "viewing": "View", "importing": "Import", "exporting": "Export",
        "attaching": "Attach", "detaching": "Detach", "binding": "Bind", "unbinding": "Unbind",
        "changing": "Change", "resetting": "Reset", "reinstalling": "Reinstall", "rebuilding": "Rebuild",
        "locking": "Lock", "unlocking": "Unlock", "assigning": "Assign", "releasing": "Release",
        "registering": "Register", "associating": "Associate", "disassociating": "Disassociate",
        "configuring": "Configure", "confirming": "Confirm", "rolling": "Roll", "migrating": "Migrate",
        "cold": "Cold", "deploying": "Deploy", "managing": "Manage", "setting": "Set", "sending": "Send",
        "synchronizing": "Synchronize", "uploading": "Upload", "downloading": "Download", "enabling": "Enable",
        "disabling": "Disable", "checking": "Check", "canceling": "Cancel", "cancelling": "Cancel",
        "batch": "Batch", "prolonging": "Prolong", "renewing": "Renew", "resizing": "Resize",
        "publishing": "Publish", "searching": "Search", "approving": "Approve", "rejecting": "Reject",
        "reviewing": "Review", "authorizing": "Authorize", "applying": "Apply", "running": "Run",
        "executing": "Execute", "copying": "Copy", "moving": "Move", "renaming": "Rename",
    ]

    /// Splits text into alphanumeric words.
    static func words(_ text: String) -> [Substring] {
        text.split(whereSeparator: { !($0.isLetter || $0.isNumber) || !$0.isASCII })
    }

    /// `volume_req` / `volume-req` / `volume req` → `VolumeReq`; existing inner capitals are kept
    /// (`VolumeReq` stays `VolumeReq`, `ECS` stays `ECS`).
    static func upperCamel(_ text: String) -> String {
        var result = ""
        for word in words(text) {
            result += word.prefix(1).uppercased() + word.dropFirst()
        }
        if result.isEmpty { return "Unnamed" }
        if let first = result.first, first.isNumber { result = "T" + result }
        return result
    }

    /// Whether a page file name is already an operation name (`CreateNotebook.html`).
    static func isOperationName(_ stem: String) -> Bool {
        guard let first = stem.first, first.isUppercase, first.isASCII, stem.count >= 4 else { return false }
        guard stem.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else { return false }
        return stem.contains { $0.isLowercase }
    }

    /// A simple English singular for names of array element types (`servers` → `server`).
    static func singular(_ word: String) -> String {
        let lower = word.lowercased()
        if lower.hasSuffix("ies"), word.count > 4 { return String(word.dropLast(3)) + "y" }
        if lower.hasSuffix("sses") || lower.hasSuffix("xes") || lower.hasSuffix("ches") || lower.hasSuffix("shes") {
            return String(word.dropLast(2))
        }
        if lower.hasSuffix("s"), !lower.hasSuffix("ss"), !lower.hasSuffix("us"), !lower.hasSuffix("is"), word.count > 3 {
            return String(word.dropLast())
        }
        return word
    }
}
