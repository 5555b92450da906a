/**
 * Detection (监测分析): rules, device health, streaming detectors and domain analytics over readings,
 * one engine for the live server and `lifeline replay`.
 */
export { createDetectionEngine } from './engine.js';
export type { DetectionEngine, DetectionEngineOptions } from './engine.js';
export type { SensorMonitor } from './sensor-monitor.js';
export type { SensorMeta } from './sensor-meta.js';
export { NO_EVENTS } from './alarm-tracker.js';
export { TEMPLATES, DEVICE_TEMPLATES, HAZARD_TEMPLATES, DETECTOR_TEMPLATES, defaultDomain } from './rules/templates.js';
export { RULE_KINDS, DEVICE_KINDS, ruleClass } from './rules/types.js';
export type { Rule, RuleKind, RuleScope, LevelStep, ThresholdParams, RateParams } from './rules/types.js';
export { effectiveRules, scopeMatches } from './rules/resolve.js';
export { ruleProblem } from './rules/validate.js';
