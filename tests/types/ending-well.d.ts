// The package's types, where the examples' import of "../ending-well.js" looks for them.
export * from "../../ending-well.js";
