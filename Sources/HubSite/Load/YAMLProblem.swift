/// libyaml's problems in plain words: what an editor did, and what to write instead.
enum YAMLProblem {
    /// `problem` and `context` as libyaml words them ("mapping values are not allowed in this context").
    static func explain(_ problem: String, context: String?) -> Problem {
        switch problem {
        case "mapping values are not allowed in this context":
            return Problem(message: "a value holds \": \" (a colon and a space), which YAML reads as the start of another key",
                           fix: "put the whole value in double quotes, e.g. title: \"Cohort 12: information sheet\"")
        case "did not find expected key":
            return Problem(message: "this line does not line up with the keys around it, or a quoted value above it is not closed",
                           fix: "indent this key with the same spaces as the keys beside it, and close every quote you open")
        case "could not find expected ':'":
            return Problem(message: "a line has no \": \" after its key, or a value runs on over the next line",
                           fix: "write each setting as \"key: value\" on one line; put a long value in double quotes")
        case "did not find expected '-' indicator":
            return Problem(message: "a list item does not line up with the items above it",
                           fix: "start each item of the list with \"- \" at the same indentation")
        case "block sequence entries are not allowed in this context":
            return Problem(message: "a \"- \" list item stands where a single value is expected",
                           fix: "put the list on the lines below its key, each item indented, e.g. \"areas:\" then \"  - Portsmouth\"")
        case "found character that cannot start any token":
            return Problem(message: "a value starts with a character YAML keeps for itself (@, ` or %)",
                           fix: "put the whole value in double quotes")
        case "found undefined alias":
            return Problem(message: "a value starts with \"*\", which YAML reads as a reference to a name defined elsewhere",
                           fix: "put the value in double quotes, e.g. \"*Online\"")
        case "did not find expected node content":
            return Problem(message: "a value is missing, or starts with a character YAML keeps for itself",
                           fix: "write the value after \": \", in double quotes if it starts with a symbol")
        case "found unknown escape character":
            return Problem(message: "a backslash in a double-quoted value starts an escape YAML does not know",
                           fix: "write the backslash twice (\\\\), or use single quotes around the value")
        case "found unexpected end of stream" where context?.contains("quoted scalar") == true:
            return Problem(message: "a quoted value is never closed: the quote opened here has no partner",
                           fix: "add the closing quote at the end of the value")
        default:
            return Problem(message: "invalid YAML: " + (context.map { "\($0), " } ?? "") + problem,
                           fix: "check the indentation and punctuation on this line; put quotes around a value that contains \": \" or starts with a special character")
        }
    }
}
