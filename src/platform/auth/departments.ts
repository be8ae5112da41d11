// The municipality's departments (forvaltninger), from configuration.
import type { Config, DepartmentConfig } from '../../config.ts';

export type Department = DepartmentConfig;

export function departments(config: Config): readonly Department[] {
  return config.auth.departments;
}

export function departmentById(config: Config, id: string): Department | undefined {
  return config.auth.departments.find((d) => d.id === id);
}

/** The staff identity provider may name a department by its id or by its name. */
export function departmentFromClaim(config: Config, value: string): Department | undefined {
  const wanted = value.trim().toLocaleLowerCase('da');
  return config.auth.departments.find((d) => d.id === wanted || d.name.toLocaleLowerCase('da') === wanted);
}
