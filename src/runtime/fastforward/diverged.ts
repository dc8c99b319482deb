/** The cluster after a fast-forward is not, or cannot be, the one its learned cycle foretold. */
export class FastForwardDiverged extends Error {}
