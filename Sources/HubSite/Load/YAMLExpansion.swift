import CYaml

/// How many values a YAML text stands for once its aliases are expanded, counted from libyaml's
/// events before Yams builds anything. Anchors and aliases let a few lines stand for billions of
/// values ("billion laughs"); Yams shares aliased nodes, but it hashes every mapping's keys to
/// find duplicates, and an alias used as a key is hashed whole, so the count must come first.
enum YAMLExpansion {
    /// True when `yaml` expands to more than `limit` values. Text libyaml cannot read is not
    /// counted: Yams reports that error itself, with its place.
    static func exceeds(_ limit: Int, in yaml: String) -> Bool {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return false }
        defer { yaml_parser_delete(&parser) }
        var bytes = Array(yaml.utf8)
        return bytes.withUnsafeMutableBufferPointer { buffer in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var total = 0
            var sizes: [String: Int] = [:]
            // For each open sequence or mapping: its anchor and the total when it began.
            var open: [(anchor: String?, start: Int)] = []
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else { return false }
                defer { yaml_event_delete(&event) }
                switch event.type {
                case YAML_SCALAR_EVENT:
                    total += 1
                    if let anchor = name(event.data.scalar.anchor) { sizes[anchor] = 1 }
                case YAML_ALIAS_EVENT:
                    total += name(event.data.alias.anchor).flatMap { sizes[$0] } ?? 1
                case YAML_SEQUENCE_START_EVENT:
                    total += 1
                    open.append((name(event.data.sequence_start.anchor), total))
                case YAML_MAPPING_START_EVENT:
                    total += 1
                    open.append((name(event.data.mapping_start.anchor), total))
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    if let (anchor, start) = open.popLast(), let anchor { sizes[anchor] = total - start + 1 }
                case YAML_STREAM_END_EVENT:
                    return false
                default:
                    break
                }
                if total > limit { return true }
            }
        }
    }

    private static func name(_ anchor: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        anchor.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
    }
}
