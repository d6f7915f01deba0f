export * from './optimize-counties.js';
export { contiguousUsCounties, type CountyGraph, type CountyUnit } from './us-counties.js';
