/** `weightspace/tensor`: the TensorFlow.js backend (tfjs-node, else wasm, else cpu), kept apart so only its users load its types. */
export * from "./tensorBackend.js";
