/// Ids as a JSON array, the one argument `IN (SELECT value FROM json_each(?))` binds.
func jsonIDList(_ ids: [Int64]) -> String {
    "[" + ids.map(String.init).joined(separator: ",") + "]"
}
