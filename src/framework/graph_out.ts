/**
 * `TF1TS_GRAPH_OUT=<file>`: when set, the default graph, as it is when the process exits, is
 * written to that file as a text GraphDef (how graph/*.pbtxt are made: see graph/README.md).
 * Importing this module installs the hook; installing it twice writes once.
 */
import {installGraphOutHook} from './graph_io';

installGraphOutHook();
