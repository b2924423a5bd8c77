// Re-exports of this domain are added as it is built.
export {};
