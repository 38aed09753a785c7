// Moved to ../issues/issue.ts (issue types are not checks); kept until the doors import the new path.
export * from "../issues/issue";
