// QuorumEngine/Config: quorum.toml read into QuorumConfig, every key checked with its line, and the commented
// default that `quorum init` writes.

import Foundation

/// Checks a member's `base_url` and brings it to one form: `http(s)://host[:port][/path]/v1`,
/// without a trailing slash. A URL with no path gets `/v1` added.
enum BaseURL {
    enum Problem: Error, Equatable {
        case notHTTP
        case noHost
        case hasCredentials
        case hasQueryOrFragment
        case pathNotEndingInV1
    }

    static func normalized(_ text: String) throws(Problem) -> String {
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
            scheme == "http" || scheme == "https"
        else { throw .notHTTP }
        guard let host = components.host, !host.isEmpty else { throw .noHost }
        guard components.user == nil, components.password == nil else { throw .hasCredentials }
        guard components.query == nil, components.fragment == nil else { throw .hasQueryOrFragment }
        var path = components.path
        while path.hasSuffix("/") { path.removeLast() }
        if path.isEmpty {
            path = "/v1"
        } else if !path.hasSuffix("/v1") {
            throw .pathNotEndingInV1
        }
        var normalized = components
        normalized.scheme = scheme
        normalized.path = path
        guard let result = normalized.string else { throw .notHTTP }
        return result
    }

    static func message(for problem: Problem, original: String) -> String {
        switch problem {
        case .notHTTP:
            return "expected an http:// or https:// URL such as \"http://127.0.0.1:8080/v1\", found \"\(original)\""
        case .noHost:
            return "names no host: \"\(original)\""
        case .hasCredentials:
            return "must not carry a user name or password; put the API key in an environment variable "
                + "and name it with api_key_env"
        case .hasQueryOrFragment:
            return "must not have a query (?…) or fragment (#…); an API key belongs in an environment variable "
                + "named by api_key_env"
        case .pathNotEndingInV1:
            return "must end with /v1, the root of the OpenAI-compatible API (for example "
                + "\"http://10.0.0.5:8000/v1\"), found \"\(original)\""
        }
    }
}
