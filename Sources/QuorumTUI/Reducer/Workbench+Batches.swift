// QuorumTUI/Reducer: The reducer: every action (key, result, engine event) applied to the state, returning the
// effects to perform.

