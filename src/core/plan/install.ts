// Moved to ./installPlan.ts (three files were named install.ts); kept until the doors import the new path.
export * from "./installPlan";
