// Decorator metadata needs the Reflect polyfill before any entity or resolver class is defined.
import 'reflect-metadata';
