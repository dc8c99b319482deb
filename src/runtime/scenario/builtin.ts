// Loads every module that registers scenario steps. Add a line for a new step module.
import './steps.js';
import './workload-steps.js';
