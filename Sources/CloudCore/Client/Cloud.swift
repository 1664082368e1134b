/// The cloud a region belongs to; decides the endpoint domain.
public enum Cloud: Sendable, Hashable {
    /// Open Telekom Cloud: `https://<service>.<region>.otc.t-systems.com`.
    case openTelekomCloud
    /// Huawei Cloud: `https://<service>.<region>.myhuaweicloud.com`.
    case huaweiCloud

    /// The domain that follows `<service>.<region>.`.
    public var domain: String {
        switch self {
        case .openTelekomCloud: return "otc.t-systems.com"
        case .huaweiCloud: return "myhuaweicloud.com"
        }
    }
}
