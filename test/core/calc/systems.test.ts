import { currentSystem, targetSystem } from "../../../src/core/calc";
import { PLANS, STATUSES } from "../../../src/core/enums";
import type { Plan, Status } from "../../../src/core/enums";
import { trustRow } from "./trustRow";

describe("currentSystem", () => {
  it("is the supplier of a Live trust", () => {
    expect(currentSystem(trustRow({ trustCode: "RYJ", eprStatus: "Live", supplier: "Epic" }))).toBe(
      currentSystem(trustRow({ trustCode: "R1H", eprStatus: "Live", supplier: "Epic" })),
    );
    expect(currentSystem(trustRow({ eprStatus: "Live", supplier: "Epic" }))).not.toBe(
      currentSystem(trustRow({ eprStatus: "Live", supplier: "Oracle Health" })),
    );
  });

  it.each<Status>(["Implementing", "Procuring", "Business case", "No EPR"])("is none for status %s", (status) => {
    expect(currentSystem(trustRow({ trustCode: "RYJ", eprStatus: status, supplier: "Epic" }))).toBeNull();
  });

  it("is none when the status or the supplier is blank", () => {
    expect(currentSystem(trustRow({ eprStatus: null, supplier: "Epic" }))).toBeNull();
    expect(currentSystem(trustRow({ eprStatus: "Live", supplier: null }))).toBeNull();
  });

  it("keys In-house by product, ignoring case: same product is one system", () => {
    const a = currentSystem(trustRow({ trustCode: "RAA", eprStatus: "Live", supplier: "In-house", product: "PAS" }));
    const b = currentSystem(trustRow({ trustCode: "RBB", eprStatus: "Live", supplier: "In-house", product: "pas" }));
    const c = currentSystem(trustRow({ trustCode: "RCC", eprStatus: "Live", supplier: "In-house", product: "Other PAS" }));
    expect(a).not.toBeNull();
    expect(a).toBe(b);
    expect(c).not.toBe(a);
  });

  it("keys In-house with a blank product by trust code: two trusts are two systems", () => {
    const a = currentSystem(trustRow({ trustCode: "RAA", eprStatus: "Live", supplier: "In-house" }));
    const b = currentSystem(trustRow({ trustCode: "RBB", eprStatus: "Live", supplier: "In-house", product: "  " }));
    expect(a).not.toBeNull();
    expect(b).not.toBeNull();
    expect(a).not.toBe(b);
  });

  it("does not share a product between In-house and Other", () => {
    const inHouse = currentSystem(trustRow({ eprStatus: "Live", supplier: "In-house", product: "PAS" }));
    const other = currentSystem(trustRow({ eprStatus: "Live", supplier: "Other", product: "PAS" }));
    expect(inHouse).not.toBe(other);
  });

  it("does not let a trust code collide with a supplier of the same name", () => {
    const ownSystem = currentSystem(trustRow({ trustCode: "TPP", eprStatus: "Live", supplier: "Other" }));
    const supplierTpp = currentSystem(trustRow({ trustCode: "RAA", eprStatus: "Live", supplier: "TPP" }));
    expect(ownSystem).not.toBe(supplierTpp);
  });

  it("tells apart trusts whose code failed to read", () => {
    const a = currentSystem(trustRow({ trustCode: null, eprStatus: "Live", supplier: "Other" }));
    const b = currentSystem(trustRow({ trustCode: null, eprStatus: "Live", supplier: "Other" }));
    expect(a).not.toBe(b);
  });
});

describe("targetSystem", () => {
  const changing: Plan[] = ["Single ICS EPR", "Converge", "New EPR"];
  const keeping: Plan[] = ["Keep", "Interoperate"];
  const epic = currentSystem(trustRow({ eprStatus: "Live", supplier: "Epic" }));
  const oracle = currentSystem(trustRow({ eprStatus: "Live", supplier: "Oracle Health" }));

  it("covers every plan", () => {
    expect([...changing, ...keeping].sort()).toEqual([...PLANS].sort());
  });

  describe.each(changing)("plan %s (changes system)", (plan) => {
    it.each<Status>([...STATUSES])("is the target supplier whatever the status (%s)", (status) => {
      expect(targetSystem(trustRow({ eprStatus: status, supplier: "Oracle Health", plan, targetSupplier: "Epic" }))).toBe(epic);
    });

    it("is none when the target supplier is blank, even for a Live trust", () => {
      expect(targetSystem(trustRow({ eprStatus: "Live", supplier: "Epic", plan, targetSupplier: null }))).toBeNull();
    });
  });

  describe.each(keeping)("plan %s (keeps the system)", (plan) => {
    it.each<Status>(["Live", "Implementing"])("is the supplier for status %s", (status) => {
      expect(targetSystem(trustRow({ eprStatus: status, supplier: "Oracle Health", plan, targetSupplier: "Epic" }))).toBe(oracle);
    });

    it.each<Status>(["Procuring", "Business case", "No EPR"])("is none for status %s", (status) => {
      expect(targetSystem(trustRow({ eprStatus: status, supplier: "Oracle Health", plan, targetSupplier: "Epic" }))).toBeNull();
    });
  });

  it("with a blank plan, follows the status like a kept system", () => {
    expect(targetSystem(trustRow({ eprStatus: "Implementing", supplier: "Oracle Health", targetSupplier: "Epic" }))).toBe(oracle);
    expect(targetSystem(trustRow({ eprStatus: "No EPR", targetSupplier: "Epic" }))).toBeNull();
  });

  it("keys In-house and Other targets by trust code even when the products match", () => {
    const a = targetSystem(trustRow({ trustCode: "RAA", eprStatus: "Live", supplier: "In-house", product: "PAS", plan: "Keep" }));
    const b = targetSystem(trustRow({ trustCode: "RBB", eprStatus: "Live", supplier: "In-house", product: "PAS", plan: "Keep" }));
    const c = targetSystem(trustRow({ trustCode: "RCC", eprStatus: "No EPR", plan: "New EPR", targetSupplier: "Other" }));
    expect(a).not.toBeNull();
    expect(a).not.toBe(b);
    expect(c).not.toBeNull();
    expect(c).not.toBe(a);
  });

  it("keeps a target trust code apart from a supplier of the same name", () => {
    const own = targetSystem(trustRow({ trustCode: "TPP", eprStatus: "Live", supplier: "In-house", plan: "Keep" }));
    const tpp = targetSystem(trustRow({ trustCode: "RAA", eprStatus: "Live", supplier: "TPP", plan: "Keep" }));
    expect(own).not.toBe(tpp);
  });
});
